"""What is drawn over every panel: controls, progress dots, the operator's PIN pad."""
