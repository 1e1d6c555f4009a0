namespace kiosk::config {}
