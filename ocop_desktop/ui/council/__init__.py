"""The council section (Hội đồng): a session's results side by side, approval, minutes and exports."""
