package io.github.pqlconnector.bitrix24;

import java.util.Locale;

/**
 * The CRM entities written, with their numbers and names as the API spells them in each place (b24restdocs
 * api-reference/crm/data-types.md): {@code entityTypeId}/{@code ownerTypeId}, the findbycomm {@code entity_type}, and
 * the {@code crm.<name>.userfield.*} method segment.
 */
enum BitrixEntity {
  LEAD(1),
  CONTACT(3),
  COMPANY(4);

  private final int typeId;

  BitrixEntity(int typeId) {
    this.typeId = typeId;
  }

  static BitrixEntity of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  int typeId() {
    return typeId;
  }

  /** {@code LEAD}, {@code CONTACT}, {@code COMPANY}: findbycomm's {@code entity_type}. */
  String upper() {
    return name();
  }

  /** {@code lead}, {@code contact}, {@code company}: the userfield method segment and the config spelling. */
  String lower() {
    return name().toLowerCase(Locale.ROOT);
  }
}
