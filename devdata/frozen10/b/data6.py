vvd="https://hoogeveen.vvd.nl/nieuws/3912/vvd-wil-tevredenheidsonderzoek-onder-bijstandsklanten"
D(vvd,"council","VVD wil tevredenheidsonderzoek onder bijstandsklanten",
 F(["bijstandsgerechtigden","mensen in de bijstand"],"Headline calls residents on social assistance customers."))
D(vvd,"council",
"De VVD wil dat de gemeente een onderzoek laat uitvoeren naar de tevredenheid van klanten van de afdeling Werk en inkomen. Dat onderzoek moet inzicht geven in de tevredenheid van klanten van de afdeling participatie en inkomen en ook klanten die geen uitkering ontvangen maar wel een aanvraag hebben ingediend voor één van de minimaregelingen.",
 F(["inwoners"],"Residents served by the municipal work and income department."),
 F(["inwoners"],"Residents served by the municipal department."),
 F(["inwoners","aanvragers"],"Residents who applied for a minimum-income scheme."))
D(vvd,"council",
"De VVD wil dat een onafhankelijk gespecialiseerd bedrijf onderzoek gaat uitvoeren onder een bredere groep van klanten, dit om een goed oordeel over de dienstverlening te kunnen geven.  Ook pleit de VVD voor deelname aan een jaarlijkse benchmark naar klanttevredenheid over de uitvoering van de Wet werk en bijstand (WWB) en het minimabeleid, waar ook andere gemeenten aan deelnemen. Hierdoor is de gemeente beter in staat om prestaties te vergelijken en creëren zij verbetermogelijkheden.",
 F(["inwoners"],"Residents using municipal social services."),
 F(["tevredenheid van inwoners"],"Satisfaction of residents with the municipal execution of the social assistance act."))
