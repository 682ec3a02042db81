# The web application (web/, issue 12): built at build time from the npm packages
# pinned in web/package-lock.json, never fetched at run time, and compiled into
# kembar_web (include/kembar/web/assets.h) with .incbin, as the gazetteer is
# (cmake/gazetteer.cmake). docs/web.md describes the app and how the server serves it.
#
# Two steps, so that an incremental build reruns neither without cause:
#   1. `npm ci` into ${PROJECT_BINARY_DIR}/web, only when package.json or
#      package-lock.json changed or node_modules is gone (its stamp lives inside);
#   2. the sources are copied beside node_modules, `npm run build` (Vite) writes
#      dist/, and web/tools/embed.mjs writes generated/web/web_assets.S (.incbin of
#      every file and its gzip form) and web_assets_table.cc; only when a file of
#      web/ changed or step 1 ran.
# Needs Node.js 18 or later and npm: the Debian packages nodejs and npm (tools/deps.sh).
enable_language(ASM)

if(NOT KEMBAR_NODE OR NOT KEMBAR_NPM)
  find_program(KEMBAR_NODE NAMES node nodejs)
  find_program(KEMBAR_NPM npm)
endif()
if(NOT KEMBAR_NODE OR NOT KEMBAR_NPM)
  message(FATAL_ERROR "kembar builds its web application at build time with Node.js 18 or "
    "later and npm (node: ${KEMBAR_NODE}, npm: ${KEMBAR_NPM}). Install the Debian packages "
    "nodejs and npm (tools/deps.sh), then configure again.")
endif()

set(KEMBAR_WEB_SOURCE ${PROJECT_SOURCE_DIR}/web)
set(KEMBAR_WEB_WORK ${PROJECT_BINARY_DIR}/web)
set(KEMBAR_WEB_GENERATED ${PROJECT_BINARY_DIR}/generated/web)
set(KEMBAR_WEB_ASM ${KEMBAR_WEB_GENERATED}/web_assets.S)
set(KEMBAR_WEB_TABLE ${KEMBAR_WEB_GENERATED}/web_assets_table.cc)
set(_kembar_web_npm_stamp ${KEMBAR_WEB_WORK}/node_modules/.kembar-npm-ci.stamp)
file(MAKE_DIRECTORY ${KEMBAR_WEB_WORK} ${KEMBAR_WEB_GENERATED})

add_custom_command(
  OUTPUT ${_kembar_web_npm_stamp}
  COMMAND ${CMAKE_COMMAND} -E copy ${KEMBAR_WEB_SOURCE}/package.json
          ${KEMBAR_WEB_SOURCE}/package-lock.json ${KEMBAR_WEB_WORK}
  COMMAND ${KEMBAR_NPM} ci --no-audit --no-fund --prefer-offline --loglevel=error
  COMMAND ${CMAKE_COMMAND} -E touch ${_kembar_web_npm_stamp}
  WORKING_DIRECTORY ${KEMBAR_WEB_WORK}
  DEPENDS ${KEMBAR_WEB_SOURCE}/package.json ${KEMBAR_WEB_SOURCE}/package-lock.json
  COMMENT "Installing the web application's npm packages (npm ci, web/package-lock.json)"
  VERBATIM)

# Every input of the Vite build; a new or removed file under src/ or public/ is
# noticed at the next build (CONFIGURE_DEPENDS).
file(GLOB_RECURSE _kembar_web_inputs CONFIGURE_DEPENDS
     ${KEMBAR_WEB_SOURCE}/src/* ${KEMBAR_WEB_SOURCE}/public/*)
list(APPEND _kembar_web_inputs ${KEMBAR_WEB_SOURCE}/index.html
     ${KEMBAR_WEB_SOURCE}/vite.config.js ${KEMBAR_WEB_SOURCE}/tools/embed.mjs)

add_custom_command(
  OUTPUT ${KEMBAR_WEB_ASM} ${KEMBAR_WEB_TABLE}
  # A fresh copy, so files removed from web/ do not linger in the build.
  COMMAND ${CMAKE_COMMAND} -E rm -rf src public tools dist
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${KEMBAR_WEB_SOURCE}/src src
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${KEMBAR_WEB_SOURCE}/public public
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${KEMBAR_WEB_SOURCE}/tools tools
  COMMAND ${CMAKE_COMMAND} -E copy ${KEMBAR_WEB_SOURCE}/index.html
          ${KEMBAR_WEB_SOURCE}/vite.config.js ${KEMBAR_WEB_WORK}
  COMMAND ${KEMBAR_NPM} run build --silent -- --logLevel warn
  COMMAND ${KEMBAR_NODE} tools/embed.mjs dist ${KEMBAR_WEB_GENERATED}
  WORKING_DIRECTORY ${KEMBAR_WEB_WORK}
  DEPENDS ${_kembar_web_inputs} ${_kembar_web_npm_stamp}
  COMMENT "Building the web application (Vite) and embedding web/dist"
  VERBATIM)

add_custom_target(kembar_web_dist DEPENDS ${KEMBAR_WEB_ASM} ${KEMBAR_WEB_TABLE})

add_subdirectory(${PROJECT_SOURCE_DIR}/src/web ${PROJECT_BINARY_DIR}/src/web)

# Its tests (test/web/): the embedded files (GoogleTest) and the catalogues (node --test).
if(KEMBAR_BUILD_TESTS)
  enable_testing()
  add_subdirectory(${PROJECT_SOURCE_DIR}/test/web ${PROJECT_BINARY_DIR}/test_web)
endif()
