"""The labels dialog: QR codes and label sheets of products and lots."""
