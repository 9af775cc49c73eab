// expect: DENIED java.util.zip.ZipFile
var z = new java.util.zip.ZipFile("/etc/passwd");
