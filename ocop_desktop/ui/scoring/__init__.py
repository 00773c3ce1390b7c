"""The scoring section (Chấm điểm): an evaluator's sheets and the sheet itself."""
