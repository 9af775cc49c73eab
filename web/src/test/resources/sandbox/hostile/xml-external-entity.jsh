// expect: DENIED javax.xml
var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".getBytes()));
System.out.println(doc.getDocumentElement().getTextContent());
