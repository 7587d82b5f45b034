package org.elastichash.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The descriptor maven-plugin-plugin writes: what {@code mvn help:describe} and the docs show. */
class PluginDescriptorTest {

  private static Element generateGoal() throws Exception {
    Document descriptor;
    try (InputStream in =
        PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertNotNull(in, "plugin.xml is generated into the classes");
      descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    assertEquals("elastic-collections", text(descriptor.getDocumentElement(), "goalPrefix"));
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    assertEquals(1, mojos.getLength(), "one goal");
    return (Element) mojos.item(0);
  }

  private static String text(Element parent, String child) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(child)) {
        return element.getTextContent().trim();
      }
    }
    return null;
  }

  @Test
  void generateIsBoundToGenerateSourcesAndDocumented() throws Exception {
    Element goal = generateGoal();
    assertEquals("generate", text(goal, "goal"));
    assertEquals("generate-sources", text(goal, "phase"));
    assertEquals("true", text(goal, "threadSafe"));
    String description = text(goal, "description");
    assertNotNull(description);
    assertFalse(description.isBlank(), "the goal has Javadoc");
  }

  @Test
  void everyParameterIsDocumented() throws Exception {
    NodeList parameters = generateGoal().getElementsByTagName("parameter");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parameters.getLength(); i++) {
      Element parameter = (Element) parameters.item(i);
      String name = text(parameter, "name");
      names.add(name);
      String description = text(parameter, "description");
      assertNotNull(description, name);
      assertFalse(description.isBlank(), name + " has Javadoc");
    }
    assertEquals(
        List.of("maps", "outputDirectory", "packageName", "project", "sets"),
        names.stream().sorted().toList());
  }
}
