# Installs the build into a temporary prefix and builds examples/list-instances against it; builds
# the .deb and checks it.
if(EC2_BUILD_TESTS)
  add_test(NAME install_out_of_tree_example
           COMMAND ${PROJECT_SOURCE_DIR}/tests/install/install_test.sh ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
  set_tests_properties(install_out_of_tree_example PROPERTIES TIMEOUT 600 LABELS integration)
endif()
if(EC2_BUILD_TESTS)
  add_test(NAME install_deb_package COMMAND ${PROJECT_SOURCE_DIR}/tests/install/deb_test.sh ${PROJECT_BINARY_DIR})
  set_tests_properties(install_deb_package PROPERTIES TIMEOUT 600 LABELS integration)
endif()
