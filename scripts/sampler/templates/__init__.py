"""Form templates. Each module has ID, CODES (the check codes it can inject), draw_project(rng,
inject) -> (gold project, variant), build(project, variant) -> model.Form, check(project) ->
sorted list of broken rule codes, and optionally department(project)."""

from templates import national, shanghai_2023, sichuan_2023

TEMPLATES = {m.ID: m for m in (shanghai_2023, national, sichuan_2023)}
