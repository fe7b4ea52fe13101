"""Uploading many needs from an Excel or CSV file, and the templates to fill in.

An upload with rows like submissions already made is kept in the session, not stored, while
the uploader decides row by row to merge or to submit as new; the decision form names it by
a token, so that a decision made in an old tab never applies to another file.
"""

from __future__ import annotations

import base64
import secrets

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from radslag.accounts import permissions
from radslag.accounts.permissions import MunicipalAction, signed_in
from radslag.core.areas import Area
from radslag.needs import upload as needs_upload
from radslag.needs.models import Need


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


PENDING = "needs_upload_pending"


def _allowed_codes(request: HttpRequest) -> set[str] | None:
    """The municipalities the uploader may submit for; None for a convener, who may for all."""
    if permissions.is_convener(request.user):
        return None
    allowed = permissions.municipalities_for(request.user, MunicipalAction.SUBMIT_NEED)
    return set(allowed.values_list("code", flat=True))


@signed_in
def upload(request: HttpRequest) -> HttpResponse:
    permissions.require(_allowed_codes(request) != set())
    if request.method == "POST" and "pending" in request.POST:
        return _decide(request)
    # Bound on every POST, even one without a file, so that the missing file is reported.
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    result: needs_upload.UploadResult | None = None
    token = ""
    if form.is_valid():
        uploaded = form.cleaned_data["file"]
        filename = uploaded.name or ""
        problems = needs_upload.check_file(filename, uploaded.size or 0)
        if problems:
            # Too large or of the wrong type: not read at all.
            result = needs_upload.UploadResult(filename, [], problems)
        else:
            data = uploaded.read()
            result = needs_upload.import_needs(
                filename, data, request.user, allowed=_allowed_codes(request)
            )
            if result.duplicates:
                token = _keep_pending(request, filename, data)
        if result.ok:
            return _stored(request, result)
    return _page(request, form, result, token)


def _keep_pending(request: HttpRequest, filename: str, data: bytes) -> str:
    token = secrets.token_urlsafe(16)
    request.session[PENDING] = {
        "token": token,
        "filename": filename,
        "data": base64.b64encode(data).decode("ascii"),
    }
    return token


def _decide(request: HttpRequest) -> HttpResponse:
    """The uploader's decisions on the duplicates: store everything, or ask again."""
    pending = request.session.get(PENDING)
    token = request.POST.get("pending", "")
    if not pending or not secrets.compare_digest(pending["token"], token):
        messages.error(
            request, _("Uppladdningen finns inte längre att spara. Ladda upp filen igen.")
        )
        return redirect("needs:upload")
    decisions = {key: request.POST.get(key, "") for key in request.POST if key.startswith("rad-")}
    result = needs_upload.import_needs(
        pending["filename"],
        base64.b64decode(pending["data"]),
        request.user,
        decisions,
        allowed=_allowed_codes(request),
    )
    if result.ok:
        del request.session[PENDING]
        return _stored(request, result)
    return _page(request, UploadForm(), result, token if result.duplicates else "")


def _stored(request: HttpRequest, result: needs_upload.UploadResult) -> HttpResponse:
    count = len(result.needs)
    message = ngettext(
        "%(count)s inlägg från %(filename)s är sparat.",
        "%(count)s inlägg från %(filename)s är sparade.",
        count,
    ) % {"count": count, "filename": result.filename}
    if result.merged:
        message += " " + ngettext(
            "%(merged)s av dem är sammanslaget med ett befintligt inlägg.",
            "%(merged)s av dem är sammanslagna med befintliga inlägg.",
            result.merged,
        ) % {"merged": result.merged}
    messages.success(request, message)
    return redirect("needs:list")


def _page(
    request: HttpRequest,
    form: UploadForm,
    result: needs_upload.UploadResult | None,
    token: str,
) -> HttpResponse:
    context = {
        "form": form,
        "result": result,
        "pending": token,
        "new_decision": needs_upload.NEW,
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
