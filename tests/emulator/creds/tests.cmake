# Integration tests of accounts, STS, temporary credentials, SSO, instance metadata and container
# credentials, driven by the Debian AWS CLI and boto3. Each test starts its own ec2-emulator.
if(EC2_BUILD_TESTS)
  set(EC2EMU_CREDS_TESTS ${PROJECT_SOURCE_DIR}/tests/emulator/creds)
  foreach(script sts_test metadata_test)
    if(EXISTS ${EC2EMU_CREDS_TESTS}/${script}.py)
      add_test(NAME emulator_creds_${script}
               COMMAND /usr/bin/python3 ${EC2EMU_CREDS_TESTS}/${script}.py $<TARGET_FILE:ec2-emulator>)
      set_tests_properties(emulator_creds_${script} PROPERTIES TIMEOUT 600 LABELS integration
                           ENVIRONMENT AWS_EC2_METADATA_DISABLED=true)
    endif()
  endforeach()
endif()
