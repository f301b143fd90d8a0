"""The Qt user interface: windows, dialogs and views (thin; the logic lives in core)."""
