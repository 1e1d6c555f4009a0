# Every dependency as an imported target, from Debian packages only.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(OPENSSL REQUIRED IMPORTED_TARGET openssl)
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
find_package(nlohmann_json REQUIRED)
find_package(utf8cpp REQUIRED) # the one UTF-8 codec under text/Utf8 (libutfcpp-dev)

if(NOT KIOSK_FUZZ)
  pkg_check_modules(SDL2 REQUIRED IMPORTED_TARGET sdl2)
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
  pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
  pkg_check_modules(ZBAR IMPORTED_TARGET zbar)
  pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET libsystemd) # the kiosk's log goes to the journal
  # The pinyin keyboard's engine (libgooglepinyin0-dev) and where Debian puts its system dictionary.
  pkg_check_modules(GOOGLEPINYIN REQUIRED IMPORTED_TARGET googlepinyin)
  pkg_get_variable(GOOGLEPINYIN_LIBDIR googlepinyin libdir)
  set(KIOSK_PINYIN_DICTIONARY ${GOOGLEPINYIN_LIBDIR}/googlepinyin/data/dict_pinyin.dat)

  # The SDL_Renderer backend is not inside Debian's libimgui.a: compile it from where Debian ships it.
  set(IMGUI_SDLRENDERER_SRC /usr/share/doc/libimgui-dev/examples/backends/imgui_impl_sdlrenderer.cpp)
  if(NOT EXISTS ${IMGUI_SDLRENDERER_SRC})
    message(FATAL_ERROR "Missing ${IMGUI_SDLRENDERER_SRC}: run scripts/setup-deps.sh (package libimgui-dev)")
  endif()
  add_library(imgui_sdlrenderer STATIC ${IMGUI_SDLRENDERER_SRC})
  target_include_directories(imgui_sdlrenderer SYSTEM PUBLIC /usr/include/imgui/backends)
  target_link_libraries(imgui_sdlrenderer PUBLIC PkgConfig::IMGUI PkgConfig::SDL2)
  target_compile_options(imgui_sdlrenderer PRIVATE -w)

  add_library(kiosk_doctest INTERFACE)
  target_include_directories(kiosk_doctest SYSTEM INTERFACE /usr/include/doctest)
endif()
