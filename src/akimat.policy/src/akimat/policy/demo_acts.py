"""Demo acts in «Акты», one in each state of their way, so a newcomer can follow one (README)."""

from akimat.content.agreement import visas
from akimat.content.agreement.agreement import give_visa
from plone import api
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.indexing import processQueue


DEVELOPER = "tursynbayev"  # economy department


def add_demo_acts(portal):
    folder = portal["acts"]
    if folder.objectIds():
        return
    workflow = api.portal.get_tool("portal_workflow")

    def act(id, title, kind="decision", **fields):
        return api.content.create(
            container=folder,
            type="Act",
            id=id,
            title=title,
            kind=kind,
            title_kk=fields.pop("title_kk", None),
            text_ru=_html(
                f"<p>{title}.</p><p>Контроль за исполнением возложить на заместителя акима района.</p>"
            ),
            developer_department="economy",
            executor_name="Турсынбаев Е. А.",
            executor_phone="8 (72548) 2-15-40",
            **fields,
        )

    def move(obj, *transitions):
        for transition in transitions:
            workflow.doActionFor(obj, transition, comment="")

    def visa_everyone(obj):
        while visas.pending(obj):
            give_visa(obj, visas.pending(obj)[0].approver, agree=True)

    act(
        "draft",
        "О создании рабочей группы по инвентаризации земель сельскохозяйственного назначения",
    )
    move(
        act(
            "legal-review", "О мерах по подготовке к паводкоопасному периоду 2027 года"
        ),
        "submit",
    )
    agreement = act(
        "agreement", "Об утверждении плана мероприятий по благоустройству сёл района"
    )
    move(agreement, "submit", "approve_legally")
    give_visa(agreement, visas.pending(agreement)[0].approver, agree=True)
    signing = act(
        "signing", "О проведении районного конкурса «Лучшее село»", kind="order"
    )
    move(signing, "submit", "approve_legally")
    visa_everyone(signing)
    registered = act(
        "registered",
        "Об утверждении Регламента аппарата акима района",
        kind="resolution",
        title_kk="Аудан әкімі аппаратының Регламентін бекіту туралы",
        distribution=["odk", "economy", "orgotdel"],
    )
    move(registered, "submit", "approve_legally")
    visa_everyone(registered)  # the departments, then the akimat members
    visa_everyone(registered)
    move(registered, "sign", "register")
    signed = act(
        "signed",
        "О закреплении кураторов за сельскими округами",
        kind="apparatus-order",
    )
    move(signed, "submit", "approve_legally")
    visa_everyone(signed)
    move(signed, "sign")
    move(act("withdrawn", "О проведении субботника (проект отозван)"), "withdraw")
    returned = act(
        "returned", "О внесении изменений в постановление акимата района № 12"
    )
    move(returned, "submit")
    workflow.doActionFor(
        returned,
        "return",
        comment="Приложите сравнительную таблицу (п. 10.5 Регламента)",
    )
    returned.amends = True
    # Index now, while the import runs in the site: the test layers commit the import with no
    # site set, and the security index of acts computed then misses the approvers.
    processQueue()


def _html(text):
    return RichTextValue(text, "text/html", "text/x-html-safe")
