namespace kiosk {}
