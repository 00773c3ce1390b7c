"""The verifiable transparency log ("nhật ký minh bạch có thể kiểm chứng"): RFC 9162 Merkle trees, C2SP
signed checkpoints and witness cosignatures, as pure functions.

The server appends and proves, the laptop and ``ocop verify`` check, the witness co-signs: all with this
code, so a rule can never differ between the one who proves and the one who checks. What the log
guarantees is that a record cannot be changed or removed unseen once it is logged; it does not guarantee
that what was recorded is true.
"""
