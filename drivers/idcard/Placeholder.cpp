// Placeholder until the ID card driver lands (issue 3).
namespace kiosk::idcard {}
