// Terminal enrolment (see TerminalEnrolment.h).
#include "offline/TerminalEnrolment.h"

#include "common/TlsCredentials.h"
#include "common/WireProtocol.h"
#include "offline/CredentialCheck.h"
#include "offline/HttpsClient.h"
#include "offline/RecordCipher.h"
#include "offline/SyncProtocol.h"

#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <openssl/x509.h>
#include <unistd.h>

namespace kiosk::offline {
namespace fs = std::filesystem;

namespace {
// FILE.<UTC time>.bak, not yet taken (two forced enrolments in one second keep both old pairs).
std::string backupName(const std::string& file) {
    char stamp[32];
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    std::error_code ec;
    std::string name = file + "." + stamp + ".bak";
    for (int n = 2; fs::exists(name, ec); ++n)
        name = file + "." + stamp + "-" + std::to_string(n) + ".bak";
    return name;
}

// Copies `file` (when it exists) to a fresh backup name with `mode`; false with *error on failure.
bool keepBackup(const std::string& file, unsigned mode, std::string* backup, std::string* error) {
    std::error_code ec;
    if (!fs::exists(file, ec)) return true;
    std::string content;
    if (!common::readWholeFile(file, &content)) {
        *error = "cannot read " + file + " to keep it as a backup";
        return false;
    }
    *backup = backupName(file);
    return common::writeFileAtomic(*backup, content, mode, error);
}
} // namespace

EnrolmentResult enrollTerminal(const EnrolmentRequest& q) {
    EnrolmentResult out;
    auto failWith = [&](const std::string& e) {
        out.ok = false;
        out.error = e;
        return out;
    };
    // A working pair is this terminal's identity: never replaced by accident (another terminal's code).
    const CredentialReport existing = inspectCredentials(q.certFile, q.keyFile, q.caFile);
    if (existing.working()) {
        out.existingTerminalId = existing.terminalId;
        out.existingValidUntil = existing.validUntil;
        if (!q.replaceWorking) {
            out.alreadyEnrolled = true;
            return failWith("this terminal is already enrolled as " + existing.terminalId + " (certificate " +
                            q.certFile + ", valid until " + existing.validUntil + ")");
        }
    }
    std::error_code ec;
    if (!fs::exists(q.workDir, ec)) {
        fs::create_directories(q.workDir, ec);
        fs::permissions(q.workDir, fs::perms::owner_all, ec); // the state directory holds keys
    }
    for (const std::string& f : {q.certFile, q.keyFile, q.caFile})
        if (!fs::path(f).parent_path().empty()) fs::create_directories(fs::path(f).parent_path(), ec);

    common::PkeyPtr key = common::generateEcKey();
    if (!key) return failWith("OpenSSL could not create a key");
    const std::string tmpKey = (fs::path(q.workDir) / "enrol.key.tmp").string();
    const std::string tmpCert = (fs::path(q.workDir) / "enrol.crt.tmp").string();
    const std::string keyPem = common::privateKeyPem(key.get());
    std::string error;
    if (!common::writeFileAtomic(tmpKey, keyPem, 0600, &error) ||
        !common::writeFileAtomic(tmpCert,
                                 common::makeSelfSignedCertPem(key.get(), common::kEnrolmentCommonName, 3600),
                                 0644, &error))
        return failWith(error);
    struct Cleanup {
        std::string a, b;
        ~Cleanup() {
            ::unlink(a.c_str());
            ::unlink(b.c_str());
        }
    } cleanup{tmpKey, tmpCert};

    HttpsSettings hs;
    hs.baseUrl = q.serverUrl;
    hs.certFile = tmpCert;
    hs.keyFile = tmpKey;
    hs.pinnedPubkey = q.pinnedPubkey;
    hs.totalTimeoutMs = q.timeoutMs;
    bool haveCa = !q.caFile.empty() && fs::exists(q.caFile);
    if (haveCa)
        hs.caFile = q.caFile;
    else if (q.pinnedPubkey.empty()) {
        hs.verifyServer = false; // trust on first use; checked below with the CA we receive
        out.trustedOnFirstUse = true;
    } else {
        hs.verifyServer = false; // the pin alone authenticates the server (curl checks it before sending)
    }
    std::string csr = common::makeCsrPem(key.get(), "kiosk-terminal");
    HttpResult r;
    {
        HttpsClient client(hs);
        r = client.postJson(common::api::kEnroll, nlohmann::json{{"code", q.code}, {"csr", csr}}.dump());
    }
    if (!r.transportOk()) {
        out.unreachable = true;
        return failWith("cannot reach the server: " + r.error);
    }
    if (!r.ok()) return failWith("enrolment refused: " + describeHttpError(r.status, r.body));
    nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("certificate") || !j.contains("ca_certificate"))
        return failWith("the server's enrolment answer is not understood");
    const std::string grantedId = j.value("terminal_id", std::string());
    const std::string grantedMode = j.value("mode", std::string());
    if ((!q.expectedTerminalId.empty() && grantedId != q.expectedTerminalId) ||
        (!q.expectedMode.empty() && grantedMode != q.expectedMode))
        return failWith("the code was issued for terminal " + grantedId + " (" + grantedMode +
                        ") but the config says " + q.expectedTerminalId + " (" + q.expectedMode +
                        "); nothing was replaced and the code is now used up. Ask for a code for " +
                        q.expectedTerminalId + " (kiosk-central enroll-code --terminal " +
                        q.expectedTerminalId + " --mode " + q.expectedMode +
                        "), or set [terminal] id and mode to what the code is for");
    std::string certPem = j.value("certificate", std::string());
    std::string caPem = j.value("ca_certificate", std::string());
    common::X509Ptr cert = common::loadCertificatePem(certPem);
    if (!cert || X509_check_private_key(cert.get(), key.get()) != 1)
        return failWith("the server returned a certificate that does not match this terminal's key");
    if (!common::loadCertificatePem(caPem)) return failWith("the server returned no usable CA certificate");

    // Prove the new credentials and the received CA before replacing anything.
    const std::string stageCert = q.certFile + ".new", stageKey = q.keyFile + ".new",
                      stageCa = q.caFile + ".new";
    if (!common::writeFileAtomic(stageKey, keyPem, 0600, &error) ||
        !common::writeFileAtomic(stageCert, certPem, 0644, &error) ||
        !common::writeFileAtomic(stageCa, haveCa ? std::string() : caPem, 0644, &error))
        return failWith(error);
    HttpsSettings check = hs;
    check.certFile = stageCert;
    check.keyFile = stageKey;
    check.caFile = haveCa ? q.caFile : stageCa;
    check.verifyServer = true;
    HttpResult v;
    {
        HttpsClient client(check);
        v = client.get(common::api::kRoster);
    }
    if (!v.ok()) {
        ::unlink(stageCert.c_str());
        ::unlink(stageKey.c_str());
        ::unlink(stageCa.c_str());
        return failWith("the new certificate does not work against this server: " +
                        (v.error.empty() ? describeHttpError(v.status, v.body) : v.error));
    }
    // Keep whatever pair is being replaced (working or not) before the new one goes in.
    if (!keepBackup(q.keyFile, 0600, &out.backupKeyFile, &error) ||
        !keepBackup(q.certFile, 0644, &out.backupCertFile, &error)) {
        ::unlink(stageCert.c_str());
        ::unlink(stageKey.c_str());
        ::unlink(stageCa.c_str());
        return failWith(error + " (nothing was replaced)");
    }
    fs::rename(stageKey, q.keyFile, ec);
    if (!ec) fs::rename(stageCert, q.certFile, ec);
    if (!ec && !haveCa) fs::rename(stageCa, q.caFile, ec);
    ::unlink(stageCa.c_str());
    if (ec) return failWith("cannot store the certificate: " + ec.message());
    if (!q.dataKeyFile.empty() && !RecordCipher::loadOrCreate(q.dataKeyFile, &error)) return failWith(error);

    out.ok = true;
    out.caPin = common::publicKeyPinOfCertPem(caPem);
    out.terminalId = grantedId;
    out.mode = grantedMode;
    out.counter = j.contains("counter") && j["counter"].is_number_integer() ? j["counter"].get<int>() : 0;
    return out;
}

} // namespace kiosk::offline
