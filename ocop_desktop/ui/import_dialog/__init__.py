"""The dialog that imports a provincial product list from Excel."""
