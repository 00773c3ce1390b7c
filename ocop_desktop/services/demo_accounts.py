"""Demo accounts, so a person trying the app offline can log in as each kind of user.

They exist only in demo data: the users are local rows that never leave the laptop (a server has its
own accounts, its own `admin` among them), and each gets an offline-login verifier for the shared demo
password, the same kind of verifier a real online login leaves on a laptop.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from ocop_desktop.db import credentials, journal
from ocop_desktop.db.models import User

DEMO_PASSWORD = "ocop-demo"
# username, role; the council's chair, secretary and one member are linked to council seats.
DEMO_USERS = (("admin", "admin"), ("chutich", "chair"), ("thuky", "secretary"), ("thanhvien", "member"),
              ("canboxa", "commune_officer"))
DEMO_COMMUNE = "18073"


def create_demo_users(session: Session, surname: str, given: list[str]) -> dict[str, User]:
    users = {}
    for i, (username, role) in enumerate(DEMO_USERS):
        user = User(username=username, full_name=f"{surname} {given[i % len(given)]}", role=role,
                    commune_code=DEMO_COMMUNE if role == "commune_officer" else None)
        session.add(user)
        users[username] = user
    session.flush()
    journal.keep_local(session, "users", [user.id for user in users.values()])
    hasher = PasswordHasher()
    verifier = hasher.hash(DEMO_PASSWORD)  # one hash for all: the password is public anyway
    for user in users.values():
        credentials.remember(session, username=user.username, user_id=user.id, full_name=user.full_name,
                             role=user.role, verifier=verifier, token=None, server_url="")
    return users
