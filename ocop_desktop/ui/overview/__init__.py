"""The Tổng quan section: the province at a glance, with drill-down into Hồ sơ and Bản đồ."""
