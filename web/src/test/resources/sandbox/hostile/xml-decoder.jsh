// expect: DENIED java.beans.XMLDecoder
new java.beans.XMLDecoder(new ByteArrayInputStream("<java/>".getBytes())).readObject();
