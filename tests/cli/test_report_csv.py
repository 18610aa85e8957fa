"""``hpos report --format csv``: a spreadsheet never runs what HPAY or a cashier typed."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from hpos.cli import report_output
from hpos.sales.report import ROW_FIELDS


def test_text_cells_of_the_report_csv_are_guarded(monkeypatch: pytest.MonkeyPatch) -> None:
    rows: list[dict[str, Any]] = [
        {
            "section": "discrepancy",
            "item": "unknown_payment",
            "severity": "warning",
            "count": 1,
            "amount": "2500",
            "currency": "XOF",
            "transaction_id": "-tx",
            "sale_number": "",
            "detail": '=HYPERLINK("http://evil.example","click")',
        },
        {field: "" for field in ROW_FIELDS} | {"section": "paid", "count": 3, "amount": "14900"},
    ]
    monkeypatch.setattr(report_output, "report_rows", lambda _report: rows)
    records = list(csv.DictReader(io.StringIO(report_output.report_csv(object()))))  # type: ignore[arg-type]
    assert records[0]["detail"] == '\'=HYPERLINK("http://evil.example","click")'
    assert records[0]["transaction_id"] == "'-tx"
    assert (records[0]["amount"], records[0]["count"]) == ("2500", "1")
    assert (records[1]["section"], records[1]["count"], records[1]["amount"]) == (
        "paid",
        "3",
        "14900",
    )
