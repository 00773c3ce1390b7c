"""`ocop server --certfile/--keyfile`: the real server over https with a certificate made here, and a laptop
that trusts the province's CA (ServerClient ca_bundle / $OCOP_CA_BUNDLE) syncing with it."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.journal import device_id
from ocop_desktop.db.schema import open_database
from ocop_desktop.services import registry
from ocop_desktop.sync.client import CA_BUNDLE_ENV, ServerClient, SyncError
from ocop_desktop.sync.engine import SyncEngine
from ocop_server.cli import main as server_main
from ocop_server.testing import free_port

PASSWORD = "mat-khau-tls-123"


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_ca_and_server_cert(folder: Path) -> tuple[Path, Path, Path]:
    """(ca.pem, server.pem, server.key): a province CA and a certificate for 127.0.0.1 and localhost."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("CA thử OCOP")).issuer_name(_name("CA thử OCOP"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name("127.0.0.1")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`ocop-server --certfile --keyfile` in its own process, as a province runs it; (url, ca.pem)."""
    ca, cert, key = make_ca_and_server_cert(tmp_path)
    url, port = f"sqlite:///{tmp_path / 'server.sqlite3'}", free_port()
    os.environ["OCOP_ADMIN_PASSWORD"] = PASSWORD
    try:
        assert server_main(["--database-url", url, "--files-dir", str(tmp_path / "files"), "create-admin"]) == 0
    finally:
        del os.environ["OCOP_ADMIN_PASSWORD"]
    log = tmp_path / "server.log"
    out = log.open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "ocop_server.cli", "--database-url", url, "--files-dir", str(tmp_path / "files"),
         "--port", str(port), "--certfile", str(cert), "--keyfile", str(key)],
        stdout=out, stderr=subprocess.STDOUT)
    out.close()  # the server process holds its own copy
    base = f"https://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            requests.get(base + "/health", verify=str(ca), timeout=2)
            break
        except requests.RequestException:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                process.wait()
                raise AssertionError(log.read_text(errors="replace")) from None
            time.sleep(0.1)
    yield base, ca
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:  # a kept-alive connection can hold uvicorn's graceful shutdown
        process.kill()
        process.wait()


def test_a_laptop_syncs_over_https_trusting_the_province_ca(https_server, template_db: Path, tmp_path: Path,
                                                            monkeypatch):
    """Login and a full sync over https; the producer made on the laptop reaches the server, whose
    certificate the laptop checks against the CA named by $OCOP_CA_BUNDLE."""
    base, ca = https_server
    folder = tmp_path / "laptop"
    folder.mkdir()
    shutil.copy(template_db, folder / "ocop.sqlite3")
    db = open_database(folder / "ocop.sqlite3")
    try:
        with db.session() as s:
            dev = device_id(s)
            producer = registry.create_producer(s, name="HTX Chè Hương Sơn", kind="cooperative",
                                                commune_code="18073").id
            s.commit()
        monkeypatch.setenv(CA_BUNDLE_ENV, str(ca))
        client = ServerClient(base, dev, retries=0)
        client.login("admin", PASSWORD)
        report = SyncEngine(db, client, BlobStore(folder / "attachments")).sync()
        assert report.pushed >= 1 and not report.mismatched
        other = ServerClient(base, dev, client.token, retries=0)
        assert any(r.id == producer for r in other.pull(0, limit=1000).rows)
        client.close()
        other.close()
    finally:
        db.close()


def test_a_laptop_that_does_not_trust_the_ca_refuses_the_server(https_server, monkeypatch):
    """Without the province's CA the certificate is not trusted: the login fails before the password is sent."""
    base, _ = https_server
    monkeypatch.delenv(CA_BUNDLE_ENV, raising=False)
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    with pytest.raises(SyncError) as refused:
        ServerClient(base, "00000000-0000-4000-8000-0000000000bb", retries=0).login("admin", PASSWORD)
    assert refused.value.code == "network"


def test_certfile_and_keyfile_go_together(tmp_path: Path):
    with pytest.raises(SystemExit) as stop:
        server_main(["--database-url", f"sqlite:///{tmp_path / 's.db'}", "--certfile", str(tmp_path / "x.pem")])
    assert "--keyfile" in str(stop.value)
