// Blocking HTTPS client (see HttpsClient.h).
//
// Sections: curl lifetime | header capture | stale connections | request
#include "offline/HttpsClient.h"

#include <cctype>
#include <curl/curl.h>
#include <mutex>

namespace kiosk::offline {
namespace {

// ---- curl lifetime ----
void ensureCurlGlobalInit() {
    static std::once_flag once; // curl_global_init must run once before the first handle
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct SlistFree {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

size_t appendBody(char* ptr, size_t size, size_t nmemb, void* userdata) {
    static_cast<std::string*>(userdata)->append(ptr, size * nmemb);
    return size * nmemb;
}

int abortWhenFlagged(void* clientp, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* flag = static_cast<const std::atomic<bool>*>(clientp);
    return flag && flag->load() ? 1 : 0;
}

// ---- header capture ----
size_t captureHeader(char* ptr, size_t size, size_t nmemb, void* userdata) {
    auto* result = static_cast<HttpResult*>(userdata);
    std::string_view line(ptr, size * nmemb);
    auto colon = line.find(':');
    if (colon != std::string_view::npos) {
        std::string name(line.substr(0, colon));
        for (char& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
            value.remove_suffix(1);
        if (name == "etag") result->etag = std::string(value);
    }
    return size * nmemb;
}

// ---- stale connections ----
// A failure that a connection or TLS session kept from an earlier call can cause, before any byte of
// the answer came back: the server closed the idle connection (send/recv error, nothing received),
// or it refused the resumed TLS session on the new connection libcurl opened instead (a server that
// verifies client certificates without a session id context answers "internal error"). Definitive
// failures (certificate or pin refused, time-outs, connection refused) are not in this list.
bool staleConnectionFailure(CURLcode rc) {
    return rc == CURLE_GOT_NOTHING || rc == CURLE_SEND_ERROR || rc == CURLE_RECV_ERROR ||
           rc == CURLE_SSL_CONNECT_ERROR;
}

} // namespace

struct HttpsClient::Impl {
    CURL* curl = nullptr;
    bool hadAnswer = false; // an earlier call got an answer: a connection / TLS session may be cached
    ~Impl() {
        if (curl) curl_easy_cleanup(curl);
    }
};

HttpsClient::HttpsClient(HttpsSettings settings) : settings_(std::move(settings)), impl_(new Impl) {
    ensureCurlGlobalInit();
    impl_->curl = curl_easy_init();
}

HttpsClient::~HttpsClient() = default;

HttpResult HttpsClient::get(std::string_view path, const std::vector<std::string>& headers) {
    return request("GET", path, nullptr, headers);
}

HttpResult HttpsClient::postJson(std::string_view path, const std::string& body,
                                 const std::vector<std::string>& headers) {
    return request("POST", path, &body, headers);
}

// ---- request ----
HttpResult HttpsClient::request(std::string_view method, std::string_view path, const std::string* body,
                                const std::vector<std::string>& headers, int totalTimeoutMs) {
    HttpResult result;
    CURL* c = impl_->curl;
    if (!c) {
        result.curlCode = CURLE_FAILED_INIT;
        result.error = "libcurl could not create a handle";
        return result;
    }
    curl_easy_reset(c); // keeps the connection cache, clears the previous request's options
    std::string url = settings_.baseUrl + std::string(path);
    char errbuf[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(c, CURLOPT_PROXY, ""); // no proxy from the environment
    curl_easy_setopt(c, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, settings_.verifyServer ? 1L : 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, settings_.verifyServer ? 2L : 0L);
    if (!settings_.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, settings_.caFile.c_str());
    curl_easy_setopt(c, CURLOPT_CAPATH, nullptr); // only the central CA, not the system store
    if (!settings_.certFile.empty()) curl_easy_setopt(c, CURLOPT_SSLCERT, settings_.certFile.c_str());
    if (!settings_.keyFile.empty()) curl_easy_setopt(c, CURLOPT_SSLKEY, settings_.keyFile.c_str());
    if (!settings_.pinnedPubkey.empty())
        curl_easy_setopt(c, CURLOPT_PINNEDPUBLICKEY, settings_.pinnedPubkey.c_str());
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings_.connectTimeoutMs));
    curl_easy_setopt(c, CURLOPT_MAXAGE_CONN, static_cast<long>(settings_.maxIdleConnS));
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(settings_.lowSpeedTimeS));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS,
                     static_cast<long>(totalTimeoutMs > 0 ? totalTimeoutMs : settings_.totalTimeoutMs));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &result.body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, captureHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &result);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, ""); // gzip/brotli as the server offers
    if (abortFlag_) {
        curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, abortWhenFlagged);
        curl_easy_setopt(c, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(abortFlag_));
    }

    std::unique_ptr<curl_slist, SlistFree> list;
    auto add = [&](const std::string& h) { list.reset(curl_slist_append(list.release(), h.c_str())); };
    add("Accept: application/json");
    if (body) add("Content-Type: application/json");
    add("Expect:"); // no 100-continue round trip
    for (const std::string& h : headers)
        add(h);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, list.get());

    std::string m(method);
    if (m == "POST") {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body ? body->data() : "");
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body ? body->size() : 0));
    } else if (m != "GET") {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, m.c_str());
        if (body) {
            curl_easy_setopt(c, CURLOPT_POSTFIELDS, body->data());
            curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
        }
    }

    CURLcode rc = curl_easy_perform(c);
    long headerBytes = 0;
    curl_easy_getinfo(c, CURLINFO_HEADER_SIZE, &headerBytes);
    const bool aborted = abortFlag_ && abortFlag_->load();
    if (rc != CURLE_OK && staleConnectionFailure(rc) && headerBytes == 0 && result.body.empty() &&
        impl_->hadAnswer && !aborted) {
        // Once, on a new connection with a full handshake. Safe to send again: nothing was answered,
        // the case query only reads, and records are idempotent by their id (docs/API.md).
        result.retried = true;
        result.body.clear();
        result.etag.clear();
        errbuf[0] = '\0';
        curl_easy_setopt(c, CURLOPT_FRESH_CONNECT, 1L);
        curl_easy_setopt(c, CURLOPT_SSL_SESSIONID_CACHE, 0L);
        rc = curl_easy_perform(c);
    }
    long connects = 0;
    if (curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, &connects) == CURLE_OK)
        result.reusedConnection = connects == 0;
    result.curlCode = static_cast<int>(rc);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_off_t retryAfter = -1;
    if (curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &retryAfter) == CURLE_OK && retryAfter > 0)
        result.retryAfterS = static_cast<long>(retryAfter);
    if (rc != CURLE_OK) {
        result.status = 0;
        result.body.clear();
        // errbuf describes the transfer (host, TLS, timeouts); it never includes what we sent.
        result.error = std::string(curl_easy_strerror(rc)) + (errbuf[0] ? std::string(": ") + errbuf : "") +
                       " (" + m + " " + std::string(path) + ")";
    } else {
        result.status = status;
        impl_->hadAnswer = true;
        if (status >= 400)
            result.error = "HTTP " + std::to_string(status) + " from " + m + " " + std::string(path);
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
    return result;
}

} // namespace kiosk::offline
