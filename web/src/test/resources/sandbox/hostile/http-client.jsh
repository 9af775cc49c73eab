// expect: DENIED java.net.http
var c = java.net.http.HttpClient.newHttpClient();
c.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:${PORT}/")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
