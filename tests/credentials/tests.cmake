# Credentials end to end, against an emulator with accounts, STS, SSO, instance metadata and
# container credentials: libec2 and the AWS CLI name the same identity for every kind of profile
# and share their cache; the tools run under each kind; every mistake is one clear line.
if(EC2_BUILD_TESTS)
  add_executable(caller_identity ${CMAKE_CURRENT_LIST_DIR}/caller_identity.cc)
  target_link_libraries(caller_identity PRIVATE ec2 nlohmann_json::nlohmann_json)
  add_test(NAME credentials_identity_parity
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/identity_test.py
                   $<TARGET_FILE:ec2-emulator> $<TARGET_FILE:caller_identity>
                   $<TARGET_FILE:ec2_tool> $<TARGET_FILE:ec2-inventory>)
  set_tests_properties(credentials_identity_parity PROPERTIES TIMEOUT 600 LABELS integration)
endif()
if(EC2_BUILD_TESTS)
  add_test(NAME credentials_bad_input
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/bad_input_test.py
                   $<TARGET_FILE:ec2-emulator> $<TARGET_FILE:ec2_tool>)
  set_tests_properties(credentials_bad_input PROPERTIES TIMEOUT 600 LABELS integration)
endif()
if(EC2_BUILD_TESTS)
  add_test(NAME credentials_expire_mid_run
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/expiry_test.py
                   $<TARGET_FILE:ec2-emulator> $<TARGET_FILE:ec2-inventory>)
  set_tests_properties(credentials_expire_mid_run PROPERTIES TIMEOUT 600 LABELS integration)
endif()
