# SPDX-License-Identifier: MIT
# `cpack -G DEB` in a release build directory makes a .deb of the app, the CLI and the samples.
set(CPACK_PACKAGE_NAME "goroscope")
set(CPACK_PACKAGE_VENDOR "Goroscope")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Goroscope developers")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_GENERATOR "DEB")
include(CPack)
