// expect: DENIED java.net.Socket
try (var s = new Socket("127.0.0.1", ${PORT})) {
  s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes());
}
