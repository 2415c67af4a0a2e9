"""The visa sheet (лист согласования) of an agreed document: a macro the pages of acts and
protocols both use (R10.4a, A6)."""

from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


visa_sheet = ViewPageTemplateFile("templates/visa_sheet.pt")
