package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.core.testing.CrmFake;
import io.github.pqlconnector.core.testing.CrmDestinationContract;

/** The fault matrix against the stateful Bitrix24 portal: inbound webhook, companies by WEB, contacts by email. */
class Bitrix24FaultMatrixTest extends CrmDestinationContract {
  @Override
  protected CrmFake newFake() {
    return new Bitrix24CrmFake();
  }
}
