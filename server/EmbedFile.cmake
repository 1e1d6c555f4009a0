# Turns a file into a C++ source defining `std::string_view <FUNC>()` over its bytes (run with cmake -P).
# Inputs: IN (file), OUT (generated .cpp), FUNC (qualified function name), HEADER (include line).
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" hexlen)
math(EXPR bytes "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){32})" "\\1\n" body "${body}")
file(WRITE ${OUT}.tmp "// Generated from ${IN} by server/EmbedFile.cmake; do not edit.\n#include \"${HEADER}\"\n\nnamespace {\nconst char kData[] = {\n${body}'\\0'};\n} // namespace\n\nstd::string_view ${FUNC}() { return std::string_view(kData, ${bytes}); }\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
