"""The server's public face: product and lot pages a consumer reaches by scanning a label, and the catalogue feed."""
