// Reader errors: names and standard messages. Checklist: see ReaderError.h.
#include "drivers/idcard/ReaderError.h"

#include "drivers/idcard/ReaderStatus.h"

namespace kiosk::idcard {

const char* errorKindName(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::PortOpenFailed:
        return "port_open_failed";
    case ErrorKind::IoError:
        return "io_error";
    case ErrorKind::Disconnected:
        return "disconnected";
    case ErrorKind::Timeout:
        return "timeout";
    case ErrorKind::TruncatedResponse:
        return "truncated_response";
    case ErrorKind::ResponseChecksum:
        return "response_checksum";
    case ErrorKind::MalformedResponse:
        return "malformed_response";
    case ErrorKind::DeviceStatus:
        return "device_status";
    case ErrorKind::PhotoDecoderFailed:
        return "photo_decoder_failed";
    }
    return "?";
}

static const char* messageZhFor(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::PortOpenFailed:
        return "无法连接身份证读卡器，请联系工作人员";
    case ErrorKind::IoError:
        return "与身份证读卡器通信失败，请联系工作人员";
    case ErrorKind::Disconnected:
        return "身份证读卡器已断开，请联系工作人员";
    case ErrorKind::Timeout:
        return "身份证读卡器无响应，请联系工作人员";
    case ErrorKind::TruncatedResponse:
        return "读卡数据不完整，请重新放置证件";
    case ErrorKind::ResponseChecksum:
        return "读卡数据校验失败，请重新放置证件";
    case ErrorKind::MalformedResponse:
        return "读卡数据格式错误，请重新放置证件";
    case ErrorKind::DeviceStatus:
        return "读卡器返回错误";
    case ErrorKind::PhotoDecoderFailed:
        return "无法显示证件照片";
    }
    return "读卡器错误";
}

ReaderError makeError(ErrorKind kind, std::string detail) {
    return ReaderError{kind, 0, messageZhFor(kind), std::move(detail)};
}

ReaderError makeStatusError(std::uint8_t sw1, std::uint8_t sw2, std::uint8_t sw3, const char* commandName) {
    const StatusWord sw{sw1, sw2, sw3};
    return ReaderError{ErrorKind::DeviceStatus, sw3, sw3MessageZh(sw3),
                       std::string(commandName) + ": " + describeStatus(sw)};
}

} // namespace kiosk::idcard
