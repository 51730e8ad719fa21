package io.github.pqlconnector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code metadata/} declares exactly the fields {@code pql setup} checks, with the same types, lists each in
 * {@code package.xml}, and grants read and edit on each in the {@code PQL_Connector} permission set.
 */
class SalesforceMetadataPackageTest {
  private static final Path METADATA = Path.of("metadata");

  @Test
  void everyObjectFileDeclaresEveryPqlFieldWithItsType() throws Exception {
    for (String object : List.of("Account", "Contact", "Lead")) {
      Map<String, String> types = fieldTypes(object);
      for (FieldSpec field : SalesforceFields.recordFields()) {
        assertThat(types).as(object).containsEntry(field.name(), (String) field.metadata().get("type"));
      }
      assertThat(types).hasSameSizeAs(SalesforceFields.recordFields());
    }
    assertThat(fieldTypes("Activity")).containsExactly(Map.entry(SalesforceFields.TASK_KEY, "Text"));
  }

  @Test
  void thePackageListsEveryFieldAndThePermissionSetGrantsReadAndEditOnEach() throws Exception {
    List<String> members = texts(parse(METADATA.resolve("package.xml")), "members");
    Document permissions = parse(METADATA.resolve("permissionsets/PQL_Connector.permissionset"));
    List<String> granted = new ArrayList<>();
    NodeList grants = permissions.getElementsByTagName("fieldPermissions");
    for (int i = 0; i < grants.getLength(); i++) {
      Element grant = (Element) grants.item(i);
      assertThat(texts(grant, "editable")).containsExactly("true");
      assertThat(texts(grant, "readable")).containsExactly("true");
      granted.addAll(texts(grant, "field"));
    }
    for (String object : List.of("Account", "Contact", "Lead")) {
      SalesforceFields.recordFields().forEach(f -> {
        assertThat(members).contains(object + "." + f.name());
        assertThat(granted).contains(object + "." + f.name());
      });
    }
    assertThat(members).contains("Activity.PQL_Task_Key__c", "PQL_Connector");
    assertThat(granted).contains("Task.PQL_Task_Key__c");
  }

  private static Map<String, String> fieldTypes(String object) throws Exception {
    Document doc = parse(METADATA.resolve("objects/" + object + ".object"));
    NodeList fields = doc.getElementsByTagName("fields");
    Map<String, String> types = new HashMap<>();
    for (int i = 0; i < fields.getLength(); i++) {
      Element field = (Element) fields.item(i);
      types.put(texts(field, "fullName").get(0), texts(field, "type").get(0));
    }
    return types;
  }

  private static Document parse(Path file) throws Exception {
    assertThat(file).exists();
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(file));
  }

  private static List<String> texts(Document doc, String tag) {
    return texts(doc.getDocumentElement(), tag);
  }

  private static List<String> texts(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getParentNode() == parent || !"fullName".equals(tag)) {
        texts.add(nodes.item(i).getTextContent().trim());
      }
    }
    return texts;
  }
}
