package io.github.pqlconnector.bitrix24.api;

/** {@code {"fields":{…}}} for crm.&lt;entity&gt;.userfield.add. */
public record UserFieldAddRequest(UserFieldSpec fields) {}
