# Integration tests of the emulator's VPC, peering, security group and tag actions, driven by the
# Debian AWS CLI, boto3 and ansible-playbook. Each test starts its own ec2-emulator on a free port.
if(EC2_BUILD_TESTS)
  set(EC2EMU_VPC_TESTS ${PROJECT_SOURCE_DIR}/tests/emulator/vpc)
  foreach(script cli_test boto3_test ansible_test)
    if(EXISTS ${EC2EMU_VPC_TESTS}/${script}.py)
      add_test(NAME emulator_vpc_${script}
               COMMAND /usr/bin/python3 ${EC2EMU_VPC_TESTS}/${script}.py $<TARGET_FILE:ec2-emulator>)
      set_tests_properties(emulator_vpc_${script} PROPERTIES TIMEOUT 1500 LABELS integration)
    endif()
  endforeach()
endif()
