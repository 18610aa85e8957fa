"""The sandbox's refusal codes and the exception that carries one.

HPAY documents only ``error_code: 0`` for success; its failure codes are
unknown, so these are the sandbox's own. Every refusal is answered as
``{"success": false, "message": ..., "error_code": N}`` with HTTP 200, except an
unknown path (404) and a wrong method (405). The client must not depend on the
numbers: it classifies refusals by endpoint and message words ("credentials",
"token"), so each message below uses those words only when they apply.
"""

from __future__ import annotations

OK = 0  #: success (the only code HPAY documents)

BAD_JSON = 100  #: the body is not a UTF-8 JSON object (or is not sent as application/json)
MISSING_FIELD = 101  #: a required field is absent or null
BAD_FIELD = 102  #: a field has the wrong type, is empty or too long (product_name, description...)
BAD_CREDENTIALS = 110  #: api_key / public key / secret key unknown or not matching
BAD_TOKEN = 111  #: the token is unknown, expired, or issued for another account or mode
BAD_MODE = 112  #: mode is not "TEST" or "PROD"
BAD_AMOUNT = 120  #: amount not a positive number with the currency's decimals, or too large
BAD_URL = 121  #: notify_url / success_url / cancel_url is not an http(s) URL
BAD_STATUT = 130  #: statut is not "UNPAID", "PAID" or empty
BAD_DATE = 131  #: date_from / date_to not yyyy-mm-dd, or date_from after date_to
BAD_FETCH_LIMIT = 132  #: fetch_limit not "offset,count" with 0 <= offset and 1 <= count <= 500
UNKNOWN_TRANSACTION = 140  #: control interface: no payment has this transaction_id
UNAVAILABLE = 503  #: the "refuse" fault: a generic temporary refusal
UNKNOWN_PATH = 404  #: no such endpoint (HTTP 404)
BAD_METHOD = 405  #: the endpoint exists but not for this HTTP method (HTTP 405)


class Refusal(Exception):
    """A request the sandbox refuses: becomes a ``success: false`` answer."""

    def __init__(self, code: int, message: str, *, http_status: int = 200) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.http_status = http_status

    def answer(self) -> dict[str, object]:
        """The JSON answer, shaped like HPAY's."""
        return {"success": False, "message": self.message, "error_code": self.code}
