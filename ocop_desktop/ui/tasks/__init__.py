"""Section "Việc của tôi": tasks of the logged-in person and the admin's board."""
