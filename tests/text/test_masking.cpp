// The one masking policy: screen, slip, logs and CLIs show personal data the same way.
#include "text/Masking.h"

#include <doctest/doctest.h>

using namespace kiosk::text;

TEST_CASE("names: the first character, a star for each further one") {
    CHECK(maskName("王秀英") == "王**");
    CHECK(maskName("李䶮") == "李*");
    CHECK(maskName("欧阳\U00020000") == "欧**");
    CHECK(maskName("A") == "A");
    CHECK(maskName("") == "");
    // Spaces are dropped, so the word lengths of a foreign name are not shown.
    CHECK(maskName("SMITH JOHN") == "S********");
    // Not text: nothing of it is shown.
    CHECK(maskName("\xFF\xFE\xFD") == "***");
}

TEST_CASE("ID numbers: first 6 and last 4 of long ones, 2 and 2 of short ones, nothing of tiny ones") {
    CHECK(maskIdNumber("110105195603121529") == "110105********1529");
    CHECK(maskIdNumber("44030519821105003X") == "440305********003X");
    CHECK(maskIdNumber("USA310087065001") == "USA310*****5001");
    CHECK(maskIdNumber("H60123456") == "H6*****56");
    CHECK(maskIdNumber("12345") == "12*45");
    CHECK(maskIdNumber("1234") == "****");
    CHECK(maskIdNumber("") == "");
    CHECK(maskIdNumber("\xFF\xFE") == "**");
}

TEST_CASE("phones: first 3 and last 4 digits; separators dropped; short numbers hidden") {
    CHECK(maskPhone("13812345678") == "138****5678");
    CHECK(maskPhone("138 1234 5678") == "138****5678");
    CHECK(maskPhone("0571-8888123") == "057****8123");
    CHECK(maskPhone("12") == "**");
}

TEST_CASE("masking a masked value changes nothing (the slip masks what the screen already masked)") {
    for (const char* name : {"王秀英", "SMITH JOHN", "李䶮"})
        CHECK(maskName(maskName(name)) == maskName(name));
    for (const char* id : {"110105195603121529", "H60123456", "12345", "1234"})
        CHECK(maskIdNumber(maskIdNumber(id)) == maskIdNumber(id));
    for (const char* phone : {"13812345678", "0571-8888123"})
        CHECK(maskPhone(maskPhone(phone)) == maskPhone(phone));
}
