# SPDX-License-Identifier: MIT
# Applies GOROSCOPE_SANITIZERS (e.g. "address;undefined") to every target in the build, so that
# libraries and executables agree on the instrumented runtime.
if(GOROSCOPE_SANITIZERS)
    list(JOIN GOROSCOPE_SANITIZERS "," _gs_sanitizers)
    add_compile_options(-fsanitize=${_gs_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    add_link_options(-fsanitize=${_gs_sanitizers})
endif()

# GCC's -Wmaybe-uninitialized gives false positives inside libstdc++ (<regex>, std::function)
# when ASan instrumentation changes inlining; the dev build keeps the warning.
if(GOROSCOPE_SANITIZERS AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-Wno-maybe-uninitialized)
endif()
