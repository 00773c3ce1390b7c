"""Who may change what, and when: the workflow and the locks, decided once for the laptop and the server alike.

Every rule is a pure function over plain values that returns None when the change may go ahead, or a
``Refusal`` (a code and its parameters). The laptop's services raise it as a ServiceError; the server's
merge answers it as a refused change. Standard library only.
"""
