"""The admin section (Quản trị): criteria-set versions and councils, for provincial admins only."""
