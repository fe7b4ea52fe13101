"""Uploading many needs from an Excel or CSV file, and the templates to fill in."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy, ngettext

from radslag.accounts.permissions import staff_required
from radslag.needs import upload as needs_upload
from radslag.needs.models import Need
from radslag.register.areas import Area


class UploadForm(forms.Form):
    # An empty file is reported with the file's other problems, not by the form.
    file = forms.FileField(
        allow_empty_file=True,
        label=gettext_lazy("Fil"),
        help_text=gettext_lazy("En Excel-fil (.xlsx) eller CSV-fil (.csv) enligt mallen."),
        error_messages={
            "required": gettext_lazy("Välj en fil att ladda upp."),
            "invalid": gettext_lazy("Välj en fil att ladda upp."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


@staff_required
def upload(request: HttpRequest) -> HttpResponse:
    # Bound on every POST, even one without a file, so that the missing file is reported.
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    result: needs_upload.UploadResult | None = None
    if form.is_valid():
        uploaded = form.cleaned_data["file"]
        filename = uploaded.name or ""
        problems = needs_upload.check_file(filename, uploaded.size or 0)
        if problems:
            # Too large or of the wrong type: not read at all.
            result = needs_upload.UploadResult(filename, [], problems)
        else:
            result = needs_upload.import_needs(filename, uploaded.read(), request.user)
        if result.ok:
            count = len(result.needs)
            messages.success(
                request,
                ngettext(
                    "%(count)s inlägg från %(filename)s är sparat.",
                    "%(count)s inlägg från %(filename)s är sparade.",
                    count,
                )
                % {"count": count, "filename": filename},
            )
            return redirect("needs:list")
    context = {
        "form": form,
        "result": result,
        "columns": needs_upload.COLUMN_HELP,
        "kinds": Need.Kind.choices,
        "areas": Area.choices,
        "max_rows": needs_upload.rows_text(needs_upload.MAX_ROWS),
        "max_megabytes": needs_upload.MAX_BYTES // 1024 // 1024,
    }
    return render(request, "needs/upload.html", context)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def template_xlsx(request: HttpRequest) -> HttpResponse:
    return _download(
        needs_upload.template_workbook(), needs_upload.XLSX_CONTENT_TYPE, "behov-mall.xlsx"
    )


def template_csv(request: HttpRequest) -> HttpResponse:
    return _download(needs_upload.template_csv(), needs_upload.CSV_CONTENT_TYPE, "behov-mall.csv")
