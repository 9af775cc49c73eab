// expect: DENIED java.lang.ProcessHandle
ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);
