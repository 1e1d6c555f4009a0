namespace kiosk::central {}
