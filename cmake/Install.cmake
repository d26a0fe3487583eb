# Installation: tools (their own install() rules), the library (static and shared), public headers,
# a CMake package (`find_package(ec2)` → ec2::ec2) and a pkg-config file; CPack makes a .deb.
include(CMakePackageConfigHelpers)

install(TARGETS ec2 ec2_shared EXPORT ec2Targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ec2 DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(EC2_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/ec2)
install(EXPORT ec2Targets NAMESPACE ec2:: DESTINATION ${EC2_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/ec2Config.cmake.in
  ${PROJECT_BINARY_DIR}/ec2Config.cmake INSTALL_DESTINATION ${EC2_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ec2ConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ec2Config.cmake ${PROJECT_BINARY_DIR}/ec2ConfigVersion.cmake
  DESTINATION ${EC2_CMAKE_DIR})

# A sanitizer build's library needs the sanitizers' runtime in whatever links it.
set(EC2_PC_LINK_OPTIONS "")
if(EC2_SANITIZE)
  list(JOIN EC2_SANITIZERS " " EC2_PC_LINK_OPTIONS)
endif()
# Relocatable: the prefix is found from the .pc file's own place (pkg-config's ${pcfiledir}).
file(RELATIVE_PATH EC2_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file(${PROJECT_SOURCE_DIR}/cmake/ec2.pc.in ${PROJECT_BINARY_DIR}/ec2.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/ec2.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ec2-toolkit)
set(CPACK_PACKAGE_VENDOR "ec2 project")
set(CPACK_PACKAGE_CONTACT "ec2 maintainers <maintainers@ec2-toolkit.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "EC2 toolkit: ec2 instance CLI, ec2-inventory for Ansible, libec2, ec2-emulator")
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "openssh-client")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ansible")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
  "libssl-dev, libcurl4-openssl-dev, libpugixml-dev, nlohmann-json3-dev, libfmt-dev")
include(CPack)
