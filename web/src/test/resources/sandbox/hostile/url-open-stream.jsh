// expect: DENIED java.net.URL
new URL("http://127.0.0.1:${PORT}/").openStream().readAllBytes();
