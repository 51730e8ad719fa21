package io.github.pqlconnector.bitrix24.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * crm.activity.todo.add parameters (crm-activity-todo-add.md): owner type and id and deadline are required; without a
 * {@code responsibleId} Bitrix24 assigns the calling user.
 */
public record TodoAddRequest(int ownerTypeId, long ownerId, String deadline, String title, String description,
    @Nullable Long responsibleId, List<Integer> pingOffsets) {

  public TodoAddRequest {
    pingOffsets = List.copyOf(pingOffsets);
  }
}
